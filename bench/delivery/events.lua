-- wrk: POST /v1/sdk/events, one trigger per request, a random user of the 2,000 seeded, a unique event id.
-- With MQ_KEY set (through the gateway) the request carries the SDK key; without it (direct) the app id header that the
-- gateway would set.
local key = os.getenv("MQ_KEY")
local headers = key and {["Content-Type"] = "application/json", ["X-Marquee-Key"] = key}
  or {["Content-Type"] = "application/json", ["X-Marquee-App-Id"] = "bench-app"}
local counter = 0
local prefix = nil

-- wrk's Lua random numbers start from the same seed in every run: the clock keeps event ids unique across runs
setup = function(thread)
  thread:set("id", os.time() .. "-" .. math.random(1, 1000000000))
end

init = function(args)
  prefix = id or tostring(math.random(1, 1000000000))
end

request = function()
  counter = counter + 1
  local user = math.random(0, 1999)
  local eventId = prefix .. "-" .. counter
  local kind = counter % 5
  local event
  if kind == 0 then
    event = string.format('{"eventId":"%s","type":"session_start"}', eventId)
  elseif kind == 1 then
    event = string.format('{"eventId":"%s","type":"screen_view","name":"screen-%d"}', eventId, counter % 10)
  elseif kind == 2 then
    event = string.format('{"eventId":"%s","type":"track","name":"event-%d"}', eventId, counter % 10)
  elseif kind == 3 then
    event = string.format('{"eventId":"%s","type":"purchase","properties":{"amount":%d}}', eventId, counter % 50)
  else
    event = string.format('{"eventId":"%s","type":"app_open"}', eventId)
  end
  local body = string.format('{"userId":"user-%d","sessionId":"s-%d","locale":"fr-CA","events":[%s]}',
    user, user, event)
  return wrk.format("POST", "/v1/sdk/events", headers, body)
end
