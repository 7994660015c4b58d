-- token-bucket.lua: token buckets, taken atomically and all or none. The call passes only when every bucket holds a
-- token, and then takes one of each (a refused call takes none). Run by RateLimiter through RedisScript (EVALSHA by
-- its SHA-1; on NOSCRIPT, SCRIPT LOAD and once more).
--
-- KEYS[i]     bucket i: a hash {tokens, at}; every key of one call shares one hash tag, mq:rate:{<credential id>}
-- ARGV[2i-1]  bucket i's capacity (tokens)
-- ARGV[2i]    bucket i's refill (tokens per second)
--
-- Redis' own clock (TIME), so that every gateway instance refills the buckets alike whatever its clock says. A bucket
-- expires once it would be full again.
-- Returns, for the bucket with the fewest tokens left: {allowed (1|0), tokens left (floor), ms until one token is
-- back, ms until the bucket is full, its index (1-based)}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tokens = {}
local allowed = 1
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local rate = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', KEYS[i], 'tokens', 'at')
  local t = tonumber(state[1])
  local at = tonumber(state[2])
  if t == nil or at == nil then
    t = capacity
    at = now
  end
  t = math.min(capacity, t + math.max(0, now - at) * rate / 1000)
  if t < 1 then
    allowed = 0
  end
  tokens[i] = t
end
local tightest = 1
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local rate = tonumber(ARGV[2 * i])
  if allowed == 1 then
    tokens[i] = tokens[i] - 1
  end
  redis.call('HSET', KEYS[i], 'tokens', tostring(tokens[i]), 'at', tostring(now))
  -- a bucket left alone refills completely; after that it carries no information and may go
  redis.call('PEXPIRE', KEYS[i], math.ceil((capacity - tokens[i]) * 1000 / rate) + 1000)
  if tokens[i] < tokens[tightest] then
    tightest = i
  end
end
local capacity = tonumber(ARGV[2 * tightest - 1])
local rate = tonumber(ARGV[2 * tightest])
local t = tokens[tightest]
local untilOne = 0
if t < 1 then
  untilOne = math.ceil((1 - t) * 1000 / rate)
end
return {allowed, math.floor(t), untilOne, math.ceil((capacity - t) * 1000 / rate), tightest}
