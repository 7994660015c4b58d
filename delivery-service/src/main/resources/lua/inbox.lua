-- The user's inbox: adds the cards not there yet (a card arrives once and keeps its first arrival time and its read
-- and archived marks), then answers the whole inbox.
-- KEYS: 1 inbox (HASH c:<campaignId> → card JSON; read:<campaignId>, archived:<campaignId> → ms)
-- ARGV: field/value pairs to add if absent
for i = 1, #ARGV, 2 do
  redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
end
return redis.call('HGETALL', KEYS[1])
