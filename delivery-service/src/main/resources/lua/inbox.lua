-- The user's inbox: adds the cards not there yet (a card arrives once and keeps its first arrival time and its read
-- and archived marks), then answers the whole inbox.
-- The inbox expires after the retention counted from the user's last look at it (cards leave with their campaign
-- anyway; this ends the inbox of a user who never comes back).
-- KEYS: 1 inbox (HASH c:<campaignId> → card JSON; read:<campaignId>, archived:<campaignId> → ms)
-- ARGV: 1 retention s, then field/value pairs to add if absent
for i = 2, #ARGV, 2 do
  redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1]))
return redis.call('HGETALL', KEYS[1])
