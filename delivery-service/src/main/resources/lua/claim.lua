-- Claims an interaction id for publication. KEYS[1] = the user's interaction key, KEYS[2] = the user's index of
-- claimed interaction ids (ZSET, score when: how an erasure finds the interaction keys); ARGV[1] = memory in seconds,
-- ARGV[2] = the interaction id, ARGV[3] = now in ms.
-- Answers 'published' when an earlier attempt published it, 'pending' when an attempt is under way (or failed
-- without being able to say so: its marker then expires with the memory), 'new' when this call claimed it.
local state = redis.call('GET', KEYS[1])
if state == 'published' or state == '1' then
  return 'published'
elseif state then
  return 'pending'
end
redis.call('SET', KEYS[1], 'pending', 'EX', ARGV[1])
-- the index outlives the markers (twice their memory), so a marker published later than it was claimed is still listed
local memory = tonumber(ARGV[1])
local now = tonumber(ARGV[3])
redis.call('ZADD', KEYS[2], now, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 2000 * memory)
redis.call('EXPIRE', KEYS[2], 2 * memory)
return 'new'
