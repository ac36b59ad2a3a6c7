-- answer: offered → connected, agent reserved → on-call. Repeating it for the same agent is a no-op.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] callId, ARGV[5] agentId
return run(function()
  local cid, aid = ARGV[4], ARGV[5]
  local c = load_call(cid)
  if (c.state == 'connected' or c.state == 'held') and c.agentId == aid then return hgetall(key('call', cid)) end
  check_call(c, cid, 'answer')
  if c.agentId ~= aid then fail('OFFER_MISMATCH', { callId = cid, agentId = aid }) end
  local a = load_agent(aid)
  check_agent(a, aid, 'answer')
  local first = '0'
  local upd = { state = 'connected', connectedAt = NOW_S, answers = tostring((tonumber(c.answers) or 0) + 1) }
  if c.answeredAt == '' then
    first = '1'
    upd.answeredAt = NOW_S
  end
  hset(key('call', cid), upd)
  redis.call('ZREM', P .. ':offers', cid)
  redis.call('ZREM', key('arr', c.queue), cid)
  set_agent(aid, a, 'on-call', '', 0)
  emit('call.answered', call_fields(cid, c, { 'agentId', aid, 'offerId', c.offerId,
    'waitMs', n(NOW - tonumber(c.arrivedAt)), 'first', first }))
  return hgetall(key('call', cid))
end)
