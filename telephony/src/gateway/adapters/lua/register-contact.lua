-- Store or refresh one contact of an agent's registrations (newest first registration wins).
-- KEYS[1] = registrations hash of the agent (field = contact URI, value = JSON)
-- ARGV[1] = contact URI, ARGV[2] = now (ms), ARGV[3] = expiresAt (ms), ARGV[4] = instance id,
-- ARGV[5] = agent id, ARGV[6] = key TTL (ms)
-- Returns the stored JSON.
local old = redis.call('HGET', KEYS[1], ARGV[1])
local firstSeen = tonumber(ARGV[2])
if old then
  local ok, prev = pcall(cjson.decode, old)
  if ok and prev.expiresAtMs and tonumber(prev.expiresAtMs) > tonumber(ARGV[2]) then
    firstSeen = tonumber(prev.firstSeenMs)
  end
end
local value = cjson.encode({
  agentId = ARGV[5], contact = ARGV[1], firstSeenMs = firstSeen,
  expiresAtMs = tonumber(ARGV[3]), instance = ARGV[4],
})
redis.call('HSET', KEYS[1], ARGV[1], value)
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[6]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[6])
end
return value
