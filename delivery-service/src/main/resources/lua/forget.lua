-- Forgets a claimed interaction id whose publication failed. KEYS[1] = the user's interaction key.
-- An id another attempt has published meanwhile stays remembered.
if redis.call('GET', KEYS[1]) == 'pending' then
  redis.call('DEL', KEYS[1])
end
return 'OK'
