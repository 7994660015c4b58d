-- What a stream has not been sent yet: the user's outbox entries after the sequence number it last saw. A sequence
-- number above the current one is from before the sequence started over (the user's data was erased, or expired):
-- then everything kept is new to that stream.
-- KEYS: 1 outbox (ZSET score seq), 2 sequence (STRING)
-- ARGV: 1 the last sequence number the stream saw
-- Returns: {the sequence number read after (0 when it started over), entries oldest first}
local after = tonumber(ARGV[1])
if after > tonumber(redis.call('GET', KEYS[2]) or '0') then
  after = 0
end
return {after, redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. after, '+inf')}
