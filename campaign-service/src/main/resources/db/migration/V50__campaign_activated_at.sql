-- When a campaign went live: arbitration's "most recently started" when it has no schedule start (an edit moved
-- updated_at and made an edited campaign win ties). Campaigns live before this column get their last activation or
-- scheduled start from the audit log; one never activated stays null.
alter table campaign add column activated_at timestamptz;
update campaign c set activated_at = (
    select max(a.at) from audit_entry a
    where a.app_id = c.app_id and a.campaign_id = c.id and a.action in ('activate', 'start'));
