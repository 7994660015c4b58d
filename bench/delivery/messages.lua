-- wrk: GET /v1/sdk/messages for a random user of the 2,000 seeded. With MQ_KEY set (through the gateway) the request
-- carries the SDK key; without it (direct) the app id header that the gateway would set.
local key = os.getenv("MQ_KEY")
local headers = key and {["X-Marquee-Key"] = key} or {["X-Marquee-App-Id"] = "bench-app"}
request = function()
  local user = math.random(0, 1999)
  return wrk.format("GET", "/v1/sdk/messages?userId=user-" .. user .. "&locale=fr-CA", headers)
end
