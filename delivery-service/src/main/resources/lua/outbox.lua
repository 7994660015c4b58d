-- Appends a server-triggered message to the user's outbox and announces it to every instance: the one holding the
-- user's stream delivers it; without a stream it waits (TTL) for the next connection.
-- KEYS: 1 outbox (ZSET score seq, member JSON with the seq and its expiry), 2 sequence (STRING)
-- ARGV: 1 payload JSON without its id (the id and the expiry are spliced in front), 2 ttl s, 3 expires at (ms), 4 pub/sub
--       channel, 5 announcement, 6 most entries kept
-- Each entry carries its own expiry (streams skip expired ones); the keys live as long as their longest-lived entry:
-- a short-lived message never cuts the time of an earlier, longer-lived one.
local seq = redis.call('INCR', KEYS[2])
local entry = '{"id":' .. seq .. ',"expiresAt":' .. ARGV[3] .. ',' .. string.sub(ARGV[1], 2)
redis.call('ZADD', KEYS[1], seq, entry)
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[6]) - 1)
local ttl = tonumber(ARGV[2])
for _, key in ipairs(KEYS) do
  -- -1: no expiry yet (just created); -2 cannot happen, both keys were just written
  local current = redis.call('TTL', key)
  if current < ttl then
    redis.call('EXPIRE', key, ttl)
  end
end
redis.call('PUBLISH', ARGV[4], ARGV[5])
return seq
