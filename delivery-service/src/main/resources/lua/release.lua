-- Undoes one reservation made by decide.lua, when the request it was made for failed after it (the tracked events
-- were not accepted by Kafka): the impression, the lifetime and session counts, and the last-shown time when no later
-- impression replaced it. Idempotent: the impression is removed first, a second release finds nothing to undo.
-- KEYS: 1 per-campaign state (HASH), 2 the session (HASH), 3 impressions (ZSET), 4 the campaign's impressions (ZSET):
--       the keys decide.lua wrote
-- ARGV: 1 campaign id, 2 impression member, 3 reserved at (ms), 4 the previous last-shown time ('' for none)
local id = ARGV[1]
if redis.call('ZREM', KEYS[3], ARGV[2]) == 0 then
  return 0
end
redis.call('ZREM', KEYS[4], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'life:' .. id, -1)
if redis.call('HGET', KEYS[1], 'last:' .. id) == ARGV[3] then
  if ARGV[4] == '' then
    redis.call('HDEL', KEYS[1], 'last:' .. id)
  else
    redis.call('HSET', KEYS[1], 'last:' .. id, ARGV[4])
  end
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], 'all', -1)
  redis.call('HINCRBY', KEYS[2], 'c:' .. id, -1)
end
return 1
