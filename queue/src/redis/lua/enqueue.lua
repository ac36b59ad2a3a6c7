-- enqueue: a new call is offered to the longest-idle capable ready agent, or joins its queue at `rank`.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id,
-- ARGV[4] callId, ARGV[5] queue, ARGV[6] priority, ARGV[7] skills "name=min,…", ARGV[8] caller number,
-- ARGV[9] meta (JSON), ARGV[10] rank (from domain/priority.ts), ARGV[11] routing group
-- Returns ok = { state, agentId, offerId, offerExpiresAt, position (0 when offered), staffed }
return run(function()
  local cid = ARGV[4]
  local ck = key('call', cid)
  if redis.call('EXISTS', ck) == 1 then fail('CALL_EXISTS', { callId = cid }) end
  local c = { queue = ARGV[5], priority = ARGV[6], kind = 'inbound', state = 'waiting', skills = ARGV[7],
    callerNumber = ARGV[8], meta = ARGV[9], rank = ARGV[10], group = ARGV[11], arrivedAt = NOW_S,
    agentId = '', offerId = '', offerExpiresAt = '', callbackNumber = '', answeredAt = '', endedAt = '',
    talkMs = '0', holdMs = '0', connectedAt = '', holdSince = '', answers = '0' }
  hset(ck, c)
  redis.call('SADD', P .. ':queues', c.queue)
  redis.call('ZADD', key('arr', c.queue), NOW, cid)
  -- a ready agent who can take the call has no other waiting call it could take (matching is
  -- eager), so the call goes straight to that agent; otherwise it joins its queue
  local aid = find_agent(c, nil)
  local position = 0
  if not aid then
    queue_insert(cid, c)
    position = redis.call('ZRANK', key('q', c.queue), cid) + 1
  end
  emit('call.enqueued', call_fields(cid, c, { 'skills', c.skills, 'position', tostring(position) }))
  if aid then offer(cid, c, aid, hmget(key('agent', aid), AGENT_FIELDS), false) end
  return { state = c.state, agentId = c.agentId, offerId = c.offerId, offerExpiresAt = c.offerExpiresAt,
    position = position, staffed = redis.call('SCARD', P .. ':staffed') }
end)
