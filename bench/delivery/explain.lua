-- wrk: the decision alone (no tracking, no Kafka, nothing reserved): the explain API for a random user and one of the
-- seeded triggers. Diagnostic: it separates the decision's cost from the Kafka acknowledgement of POST /v1/sdk/events.
local triggers = {"SESSION_START", "APP_OPEN", "SCREEN_VIEW:screen-1", "CUSTOM_EVENT:event-2", "PURCHASE"}
local counter = 0
request = function()
  counter = counter + 1
  local user = math.random(0, 1999)
  return wrk.format("GET", "/v1/apps/bench-app/users/user-" .. user .. "/explain?trigger=" .. triggers[counter % 5 + 1])
end
