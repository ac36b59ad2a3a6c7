-- abandon: the caller hung up while waiting or while an agent's phone was ringing.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] callId
return run(function()
  local cid = ARGV[4]
  local c = load_call(cid)
  check_call(c, cid, 'abandon')
  local phase = c.state
  local aid = c.agentId
  local a = nil
  if phase == 'offered' then a = load_agent(aid) end
  if phase == 'waiting' then queue_remove(cid, c) end
  redis.call('ZREM', P .. ':offers', cid)
  redis.call('ZREM', key('arr', c.queue), cid)
  hset(key('call', cid), { state = 'abandoned', endedAt = NOW_S, offerId = '', offerExpiresAt = '' })
  finish_call(cid)
  emit('call.abandoned', call_fields(cid, c, { 'waitMs', n(NOW - tonumber(c.arrivedAt)), 'phase', phase,
    'agentId', aid }))
  if a then
    set_agent(aid, a, 'ready', '', tonumber(a.missed) or 0)
    match_agent(aid, a, cid)
  end
  return hgetall(key('call', cid))
end)
