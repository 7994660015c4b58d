-- What each change did: the snapshot fields it altered, with their values before and after (JSON array).
alter table audit_entry add column changes text;
