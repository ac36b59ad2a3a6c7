-- hold / resume: connected ⇄ held; talk and hold time are accumulated on the call.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] callId, ARGV[5] 'hold'|'resume'
return run(function()
  local cid, action = ARGV[4], ARGV[5]
  local c = load_call(cid)
  check_call(c, cid, action)
  if action == 'hold' then
    hset(key('call', cid), { state = 'held', holdSince = NOW_S,
      talkMs = n(tonumber(c.talkMs) + NOW - tonumber(c.connectedAt)) })
    emit('call.held', call_fields(cid, c, { 'agentId', c.agentId }))
  else
    hset(key('call', cid), { state = 'connected', connectedAt = NOW_S, holdSince = '',
      holdMs = n(tonumber(c.holdMs) + NOW - tonumber(c.holdSince)) })
    emit('call.resumed', call_fields(cid, c, { 'agentId', c.agentId }))
  end
  return hgetall(key('call', cid))
end)
