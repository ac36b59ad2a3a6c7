-- agent_logout: ready / not-ready / wrap-up / reserved → offline. A pending offer goes back to the
-- head of its queue (no miss counted) and is matched to another agent.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] agentId
return run(function()
  local aid = ARGV[4]
  local a = load_agent(aid)
  check_agent(a, aid, 'logout')
  local cid = nil
  local c = nil
  if a.state == 'reserved' then
    cid = a.callId
    c = load_call(cid)
  end
  set_agent(aid, a, 'offline', '', tonumber(a.missed) or 0)
  if c then
    return_to_head(cid, c)
    emit('call.requeued', call_fields(cid, c, { 'agentId', aid, 'reason', 'agent-logout' }))
    match_call(cid, c, aid)
  end
  return hgetall(key('agent', aid))
end)
