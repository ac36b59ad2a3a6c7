-- agent_login: offline (or new) → not-ready "login".
-- KEYS[1] events stream; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id,
-- ARGV[4] agentId, ARGV[5] name, ARGV[6] skills "name=level,…", ARGV[7] queues "a,b" ('' = all),
-- ARGV[8] offer timeout ms
return run(function()
  local aid = ARGV[4]
  local ak = key('agent', aid)
  local a = hgetall(ak) or { state = 'offline', since = NOW_S, missed = '0' }
  if a.state ~= 'offline' then fail('ALREADY_LOGGED_IN', { agentId = aid, state = a.state }) end
  check_agent(a, aid, 'login')
  hset(ak, { name = ARGV[5], skills = ARGV[6], queues = ARGV[7], offerTimeoutMs = ARGV[8], loginAt = NOW_S })
  a.name = ARGV[5]; a.skills = ARGV[6]; a.queues = ARGV[7]; a.offerTimeoutMs = ARGV[8]
  redis.call('SADD', P .. ':agents', aid)
  set_agent(aid, a, AGENT_LOGIN_TO, 'login', 0)
  return hgetall(ak)
end)
