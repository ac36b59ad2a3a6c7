-- reject: the agent declined the offer. The call returns to the head of its queue and is matched to
-- another agent; the agent is ready again (at the back of the idle line) and may get another call.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] callId, ARGV[5] agentId
return run(function()
  local cid, aid = ARGV[4], ARGV[5]
  local c = load_call(cid)
  check_call(c, cid, 'reject')
  if c.agentId ~= aid then fail('OFFER_MISMATCH', { callId = cid, agentId = aid }) end
  local a = load_agent(aid)
  check_agent(a, aid, 'reject')
  local offerId = c.offerId
  return_to_head(cid, c)
  emit('call.offer-rejected', call_fields(cid, c, { 'agentId', aid, 'offerId', offerId }))
  set_agent(aid, a, 'ready', '', tonumber(a.missed) or 0)
  match_call(cid, c, aid)
  match_agent(aid, a, cid)
  return hgetall(key('call', cid))
end)
