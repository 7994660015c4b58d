-- One token bucket, taken atomically. KEYS[1]: the bucket; ARGV[1]: capacity; ARGV[2]: tokens added per second.
-- Redis' own clock, so that every gateway instance refills the bucket alike whatever its clock says.
-- Returns {allowed (1|0), tokens left (floor), ms until one token is back, ms until the bucket is full}.
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- a bucket left alone refills completely; after that it carries no information and may go
local untilFull = math.ceil((capacity - tokens) * 1000 / rate)
redis.call('PEXPIRE', KEYS[1], untilFull + 1000)
local untilOne = 0
if tokens < 1 then
  untilOne = math.ceil((1 - tokens) * 1000 / rate)
end
return {allowed, math.floor(tokens), untilOne, untilFull}
