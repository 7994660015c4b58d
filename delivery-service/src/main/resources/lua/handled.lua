-- Claims a handled event id for one user, once: true the first time, false while it is remembered. The ids live in one
-- sorted set per user and purpose (score: when claimed), not one key each, so that an erasure knows every key of the
-- user without scanning the keyspace.
-- KEYS: 1 the ids (ZSET)
-- ARGV: 1 event id, 2 now (ms), 3 how long an id is remembered (ms)
-- Returns: 1 when claimed now, 0 when it was already
local now = tonumber(ARGV[2])
local memory = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - memory)
local claimed = redis.call('ZADD', KEYS[1], 'NX', now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], memory)
return claimed
