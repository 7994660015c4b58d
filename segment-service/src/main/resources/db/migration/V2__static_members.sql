-- Members of static segments as uploaded: the durable copy Redis membership is rebuilt from after a data loss.
create table static_member (
    segment_id varchar(64)  not null references segment_definition (id) on delete cascade,
    user_id    varchar(256) not null,
    primary key (segment_id, user_id)
);
