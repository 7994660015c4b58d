-- wrk: GET /v1/sdk/messages for a random user of the 2,000 seeded.
request = function()
  local user = math.random(0, 1999)
  return wrk.format("GET", "/v1/sdk/messages?userId=user-" .. user .. "&locale=fr-CA",
    {["X-Marquee-App-Id"] = "bench-app"})
end
