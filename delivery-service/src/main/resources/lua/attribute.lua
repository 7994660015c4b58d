-- Conversion attribution for one user and one campaign: the latest impression of the campaign within the goal window
-- and whether this goal event converts it. Each impression converts once: the first goal event's id is kept, so a
-- redelivered goal event finds its own id again (and its conversion is re-published with the same id).
-- KEYS: 1 impressions (ZSET member campaignId|at|seq|version|variant), 2 conversions (HASH impression → goal event id)
-- ARGV: 1 window start ms, 2 goal event time ms, 3 campaign id, 4 goal event id, 5 conversions ttl s
-- Returns {impression, converting goal event id} or an empty array when no impression is in the window
local prefix = ARGV[3] .. '|'
local list = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[2])
for i = #list, 1, -1 do
  if string.sub(list[i], 1, #prefix) == prefix then
    redis.call('HSETNX', KEYS[2], list[i], ARGV[4])
    redis.call('EXPIRE', KEYS[2], tonumber(ARGV[5]))
    return {list[i], redis.call('HGET', KEYS[2], list[i])}
  end
end
return {}
