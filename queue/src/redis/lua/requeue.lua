-- requeue: the agent vanished (browser closed, network lost) while offered or on the call. The call
-- returns to the head of its queue and is matched again; the agent becomes not-ready "connection-lost".
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] callId, ARGV[5] reason
return run(function()
  local cid = ARGV[4]
  local c = load_call(cid)
  check_call(c, cid, 'requeue')
  local aid = c.agentId
  local a = load_agent(aid)
  check_agent(a, aid, 'connection-lost')
  if c.state == 'connected' then
    hset(key('call', cid), { talkMs = n(tonumber(c.talkMs) + NOW - tonumber(c.connectedAt)), connectedAt = '' })
  elseif c.state == 'held' then
    hset(key('call', cid), { holdMs = n(tonumber(c.holdMs) + NOW - tonumber(c.holdSince)), holdSince = '' })
  end
  return_to_head(cid, c)
  emit('call.requeued', call_fields(cid, c, { 'agentId', aid, 'reason', ARGV[5] }))
  set_agent(aid, a, 'not-ready', 'connection-lost', tonumber(a.missed) or 0)
  match_call(cid, c, aid)
  return hgetall(key('call', cid))
end)
