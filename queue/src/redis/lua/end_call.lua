-- end_call: connected / held → ended; the agent goes to wrap-up (整理), or straight to ready when
-- the wrap-up time is 0 (and is then offered the next call).
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] callId, ARGV[5] by
return run(function()
  local cid = ARGV[4]
  local c = load_call(cid)
  check_call(c, cid, 'end')
  local aid = c.agentId
  local a = load_agent(aid)
  check_agent(a, aid, 'end')
  local talk, hold = tonumber(c.talkMs), tonumber(c.holdMs)
  if c.state == 'connected' then talk = talk + NOW - tonumber(c.connectedAt) else hold = hold + NOW - tonumber(c.holdSince) end
  hset(key('call', cid), { state = 'ended', endedAt = NOW_S, talkMs = n(talk), holdMs = n(hold), holdSince = '' })
  finish_call(cid)
  emit('call.ended', call_fields(cid, c, { 'agentId', aid, 'talkMs', n(talk), 'holdMs', n(hold), 'by', ARGV[5] }))
  if CFG.wrapUpMs > 0 then
    set_agent(aid, a, 'wrap-up', '', tonumber(a.missed) or 0)
  else
    set_agent(aid, a, 'ready', '', tonumber(a.missed) or 0)
    match_agent(aid, a, nil)
  end
  return hgetall(key('call', cid))
end)
