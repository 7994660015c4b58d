-- Appends a server-triggered message to the user's outbox and announces it to every instance: the one holding the
-- user's stream delivers it; without a stream it waits (TTL) for the next connection.
-- KEYS: 1 outbox (ZSET score seq, member JSON with the seq), 2 sequence (STRING)
-- ARGV: 1 payload JSON without its id (the id is spliced in front), 2 ttl s, 3 pub/sub channel, 4 announcement,
--       5 most entries kept
local seq = redis.call('INCR', KEYS[2])
local entry = '{"id":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('ZADD', KEYS[1], seq, entry)
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[5]) - 1)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[2]))
redis.call('PUBLISH', ARGV[3], ARGV[4])
return seq
