-- Erases what delivery-service keeps of one user (segment-service erased the profile and the memberships and said so
-- on segment.membership.v1): counters, impressions, conversions, inbox, outbox. Every campaign ever shown to the user
-- has a 'life:<id>' field in the state hash; if one of their impressions sets is not among the keys given (a
-- reservation made since the caller looked), nothing is deleted and the missing campaign ids are returned, for the
-- caller to ask again with them.
-- KEYS: 1 state (HASH), 2 impressions, 3 conversions, 4 inbox, 5 outbox, then the impressions sets of ARGV's campaigns
-- ARGV: the campaign ids whose impressions sets are KEYS[6], KEYS[7], …
-- Returns: an empty array when erased, else the campaign ids missing from ARGV
local given = {}
for _, id in ipairs(ARGV) do given[id] = true end
local missing = {}
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(field, 1, 5) == 'life:' and not given[string.sub(field, 6)] then
    missing[#missing + 1] = string.sub(field, 6)
  end
end
if #missing > 0 then
  return missing
end
redis.call('UNLINK', unpack(KEYS))
return {}
