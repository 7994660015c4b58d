-- Claims an interaction id for publication. KEYS[1] = the user's interaction key; ARGV[1] = memory in seconds.
-- Answers 'published' when an earlier attempt published it, 'pending' when an attempt is under way (or failed
-- without being able to say so: its marker then expires with the memory), 'new' when this call claimed it.
local state = redis.call('GET', KEYS[1])
if state == 'published' or state == '1' then
  return 'published'
elseif state then
  return 'pending'
end
redis.call('SET', KEYS[1], 'pending', 'EX', ARGV[1])
return 'new'
