-- Erases every key delivery-service keeps of one user (segment-service erased the profile and the memberships and
-- said so on segment.membership.v1). The fixed keys are named by the caller; the others are found through them: an
-- impressions set per campaign ever shown ('life:<id>' fields of the state hash), a counters hash per session (the
-- sessions index) and a marker per interaction id claimed (the interactions index). If one of those is not among the
-- keys given (first call, or a reservation made since the caller looked), nothing is deleted and the missing key
-- names are returned, for the caller to ask again with them: every key a script touches is declared, as Redis
-- Cluster requires.
-- KEYS: 1 state (HASH), 2 sessions index (ZSET of session keys), 3 interactions index (ZSET of interaction ids), then
--       the user's other keys: impressions, conversions, inbox, outbox, outbox sequence, handled membership event ids,
--       and the impressions sets, session hashes and interaction markers found before
-- ARGV: 1 the prefix of the user's keys ('mq:{appId:userId}:')
-- Returns: an empty array when erased, else the key names missing from KEYS
local given = {}
for _, key in ipairs(KEYS) do given[key] = true end
local missing = {}
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(field, 1, 5) == 'life:' then
    local key = ARGV[1] .. 'impressions:' .. string.sub(field, 6)
    if not given[key] then missing[#missing + 1] = key end
  end
end
for _, key in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  if not given[key] then missing[#missing + 1] = key end
end
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local key = ARGV[1] .. 'interaction:' .. id
  if not given[key] then missing[#missing + 1] = key end
end
if #missing > 0 then
  return missing
end
-- in chunks: unpack is limited by Lua's C stack
for from = 1, #KEYS, 200 do
  redis.call('UNLINK', unpack(KEYS, from, math.min(from + 199, #KEYS)))
end
return {}
