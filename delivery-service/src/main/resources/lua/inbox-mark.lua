-- Marks one card of the user's inbox read or archived, once (the first mark's time is kept); nothing when the user
-- has no such card.
-- KEYS: 1 inbox (HASH, as lua/inbox.lua keeps it)
-- ARGV: 1 campaign id, 2 the mark ('read' or 'archived'), 3 now (ms)
-- Returns: 1 when the card exists, 0 when it does not
local campaignId = ARGV[1]
local mark = ARGV[2]
local at = ARGV[3]
if redis.call('HEXISTS', KEYS[1], 'c:' .. campaignId) == 0 then return 0 end
redis.call('HSETNX', KEYS[1], mark .. ':' .. campaignId, at)
return 1
