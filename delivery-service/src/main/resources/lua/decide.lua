-- One decision for one user, atomically: segment membership, per-campaign caps, workspace caps, arbitration and
-- (when ARGV[2] is 1) the reservation of the winner's impression. Every key shares the hash tag {appId:userId}.
-- KEYS: 1 segment ids (SET, segment-service), 2 per-campaign state (HASH), 3 this session (HASH),
--       4 impressions (ZSET member campaignId|at|seq|version|variant, score at), 5 profile (HASH, segment-service),
--       6 the user's sessions (ZSET member session key, score its expiry ms: how an erasure finds them),
--       6 + i: candidate i's own impressions (ZSET, same members and scores): a rolling cap is one ZCOUNT on it,
--       however many impressions of other campaigns the user has
-- ARGV: 1 now ms, 2 reserve, 3 workspace max per session (-1: none), 4 per day (-1: none), 5 min interval ms (0: none),
--       6 impression retention ms, 7 session ttl s, 8 candidate count, 9 counter retention ms, then 10 per candidate:
--       id, critical (1/0), lifetime cap, session cap, rolling count (-1: none for the caps), rolling window ms,
--       re-eligible after ms (-1: none), include segments, exclude segments (newline-separated), impression tag
--       (version|variant)
-- The positions are read once, below, into named locals and one table per candidate: nothing after them
-- indexes KEYS or ARGV.
-- Every key written here expires after the longest window that reads it, counted from the user's last impression:
-- the session's counters (and the index of the user's sessions) after the session ttl, the impressions after their
-- retention, the lifetime counts and last-shown times after the counter retention.
-- The candidates come in arbitration order (priority, then the most recent start, then the lower stable hash), so the
-- winner is the first eligible one. A reserving decision stops there: the candidates after it are not checked and
-- get 'ranked_lower' (they lose arbitration to the winner whatever their caps say); a look (explain, sync) checks all.
-- Returns: {winner (1-based, 0 none), reasons (one per candidate), profile (flat HGETALL, empty without a winner),
--          the reserved impression's member ('' when nothing was reserved), the winner's previous last-shown time
--          ('' for none): what lua/release.lua needs to undo the reservation}

-- KEYS, named
local segmentsKey = KEYS[1]
local stateKey = KEYS[2]
local sessionKey = KEYS[3]
local impressionsKey = KEYS[4]
local profileKey = KEYS[5]
local sessionsKey = KEYS[6]

-- ARGV, named
local now = tonumber(ARGV[1])
local reserve = ARGV[2] == '1'
local wsSession = tonumber(ARGV[3])
local wsDay = tonumber(ARGV[4])
local wsInterval = tonumber(ARGV[5])
local impressionRetention = tonumber(ARGV[6])
local sessionTtl = tonumber(ARGV[7])
local n = tonumber(ARGV[8])
local counterRetention = tonumber(ARGV[9])

-- the candidates, in arbitration order: their ten arguments each, named, and their own impressions key
local CANDIDATE_ARGS = 10
local candidates = {}
for i = 1, n do
  local b = 9 + (i - 1) * CANDIDATE_ARGS
  candidates[i] = {
    id = ARGV[b + 1],
    critical = ARGV[b + 2] == '1',
    lifetime = tonumber(ARGV[b + 3]),
    perSession = tonumber(ARGV[b + 4]),
    rollCount = tonumber(ARGV[b + 5]),
    rollWindow = tonumber(ARGV[b + 6]),
    reEligible = tonumber(ARGV[b + 7]),
    include = ARGV[b + 8],
    exclude = ARGV[b + 9],
    tag = ARGV[b + 10],
    impressionsKey = KEYS[6 + i],
  }
end

local members = nil
local function member(segment)
  if members == nil then
    members = {}
    for _, s in ipairs(redis.call('SMEMBERS', segmentsKey)) do members[s] = true end
  end
  return members[segment] == true
end

-- HMGET of many fields, in chunks (unpack is limited by Lua's C stack)
local function hmget(key, fields)
  local values = {}
  for from = 1, #fields, 200 do
    local chunk = redis.call('HMGET', key, unpack(fields, from, math.min(from + 199, #fields)))
    for k = 1, #chunk do values[#values + 1] = chunk[k] end
  end
  return values
end

-- every candidate's lifetime count and last impression, the user's impression sequence, and the session counts, in two
-- calls rather than one per candidate and cap (each call from a script costs more than the lookup itself)
local stateFields, sessionFields = {}, {'all'}
for i = 1, n do
  local id = candidates[i].id
  stateFields[2 * i - 1] = 'life:' .. id
  stateFields[2 * i] = 'last:' .. id
  sessionFields[i + 1] = 'c:' .. id
end
stateFields[2 * n + 1] = 'seq'
local state = hmget(stateKey, stateFields)
local session = hmget(sessionKey, sessionFields)
local sessionAll = tonumber(session[1] or '0')
-- every impression ever reserved for the user took one sequence number: an upper bound of any count of them
local seq = tonumber(state[2 * n + 1] or '0')

-- the workspace's day cap and latest impression, read once, only when a candidate gets that far and only what the
-- workspace's settings need: fewer impressions than the day cap ever made cannot fill it
local dayFull, lastAt, workspaceRead = false, nil, false
local function readWorkspace()
  if not workspaceRead then
    workspaceRead = true
    if wsDay >= 0 and seq >= wsDay then
      dayFull = redis.call('ZCOUNT', impressionsKey, now - 86400000, '+inf') >= wsDay
    end
    if wsInterval > 0 then
      local latest = redis.call('ZREVRANGEBYSCORE', impressionsKey, '+inf', '-inf', 'WITHSCORES', 'LIMIT', 0, 1)
      lastAt = latest[2] and tonumber(latest[2]) or nil
    end
  end
end

local reasons = {}
local best = 0
for i = 1, n do
  if reserve and best > 0 then
    reasons[i] = 'ranked_lower'
  else
    local c = candidates[i]
    local life = tonumber(state[2 * i - 1] or '0')
    local reason = 'eligible'
    if c.include ~= '' then
      local any = false
      for s in string.gmatch(c.include, '[^\n]+') do
        if member(s) then any = true break end
      end
      if not any then reason = 'segment' end
    end
    if reason == 'eligible' and c.exclude ~= '' then
      for s in string.gmatch(c.exclude, '[^\n]+') do
        if member(s) then reason = 'excluded_segment' break end
      end
    end
    if reason == 'eligible' and c.lifetime >= 0 and life >= c.lifetime then
      reason = 'cap:lifetime'
    end
    if reason == 'eligible' and c.perSession >= 0 then
      if tonumber(session[i + 1] or '0') >= c.perSession then reason = 'cap:session' end
    end
    if reason == 'eligible' and c.reEligible >= 0 then
      local last = state[2 * i]
      if last and now - tonumber(last) < c.reEligible then reason = 'cap:re_eligibility' end
    end
    -- the campaign's impressions set holds a subset of the impressions its lifetime count counts (both written
    -- together, both undone together): a campaign shown fewer times than the rolling count needs no ZCOUNT
    if reason == 'eligible' and c.rollCount >= 0 and life >= c.rollCount then
      local since = '(' .. (now - c.rollWindow)
      if redis.call('ZCOUNT', c.impressionsKey, since, '+inf') >= c.rollCount then
        reason = 'cap:rolling'
      end
    end
    if reason == 'eligible' and not c.critical then
      readWorkspace()
      if wsSession >= 0 and sessionAll >= wsSession then
        reason = 'workspace:session'
      elseif dayFull then
        reason = 'workspace:day'
      elseif wsInterval > 0 and lastAt and now - lastAt < wsInterval then
        reason = 'workspace:interval'
      end
    end
    reasons[i] = reason
    if reason == 'eligible' and best == 0 then best = i end
  end
end

local profile = {}
local reserved, previousLast = '', ''
if best > 0 then
  profile = redis.call('HGETALL', profileKey)
  if reserve then
    -- the counts read above are current (the script runs alone): written back in one call per hash
    local winner = candidates[best]
    local id = winner.id
    local retention = impressionRetention
    local life = tonumber(state[2 * best - 1] or '0') + 1
    seq = seq + 1
    previousLast = state[2 * best] or ''
    redis.call('HSET', stateKey, 'seq', seq, 'life:' .. id, life, 'last:' .. id, now)
    redis.call('PEXPIRE', stateKey, counterRetention)
    redis.call('HSET', sessionKey, 'all', sessionAll + 1, 'c:' .. id, tonumber(session[best + 1] or '0') + 1)
    redis.call('EXPIRE', sessionKey, sessionTtl)
    redis.call('ZADD', sessionsKey, now + sessionTtl * 1000, sessionKey)
    redis.call('EXPIRE', sessionsKey, sessionTtl)
    reserved = id .. '|' .. now .. '|' .. seq .. '|' .. winner.tag
    redis.call('ZADD', impressionsKey, now, reserved)
    redis.call('PEXPIRE', impressionsKey, retention)
    -- kept whether or not the campaign has a rolling cap today: one added later counts the past impressions too
    redis.call('ZADD', winner.impressionsKey, now, reserved)
    redis.call('PEXPIRE', winner.impressionsKey, retention)
    -- impressions older than the retention are dropped every 16th write (every reader counts by time, so the few
    -- left over in between change no answer)
    if seq % 16 == 0 then
      redis.call('ZREMRANGEBYSCORE', impressionsKey, '-inf', now - retention)
      redis.call('ZREMRANGEBYSCORE', sessionsKey, '-inf', now)
    end
    if life % 16 == 0 then
      redis.call('ZREMRANGEBYSCORE', winner.impressionsKey, '-inf', now - retention)
    end
  end
end
return {best, reasons, profile, reserved, previousLast}
