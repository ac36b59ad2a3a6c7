-- tick: expires due offers (call back to the head of its queue, agent missed + 1, after N misses
-- not-ready "missed-offers") and ends due wrap-ups (agent → ready). Both re-match.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] batch size
return run(function()
  local batch = tonumber(ARGV[4])
  local expired, wrapped = 0, 0
  local due = redis.call('ZRANGEBYSCORE', P .. ':offers', '-inf', NOW, 'LIMIT', 0, batch)
  for _, cid in ipairs(due) do
    local c = hmget(key('call', cid), CALL_FIELDS)
    if c and c.state == 'offered' then
      local aid = c.agentId
      local a = hmget(key('agent', aid), AGENT_FIELDS)
      local offerId = c.offerId
      return_to_head(cid, c)
      emit('call.offer-expired', call_fields(cid, c, { 'agentId', aid, 'offerId', offerId }))
      if a and a.state == 'reserved' and a.callId == cid then
        local missed = (tonumber(a.missed) or 0) + 1
        if missed >= CFG.maxMissedOffers then
          set_agent(aid, a, 'not-ready', 'missed-offers', missed)
        else
          set_agent(aid, a, 'ready', '', missed)
        end
      end
      match_call(cid, c, aid)
      if a and a.state == 'ready' then match_agent(aid, a, cid) end
      expired = expired + 1
    else
      redis.call('ZREM', P .. ':offers', cid)
    end
  end
  local ends = redis.call('ZRANGEBYSCORE', P .. ':wrapups', '-inf', NOW, 'LIMIT', 0, batch)
  for _, aid in ipairs(ends) do
    local a = hmget(key('agent', aid), AGENT_FIELDS)
    if a and a.state == 'wrap-up' then
      set_agent(aid, a, 'ready', '', tonumber(a.missed) or 0)
      match_agent(aid, a, nil)
      wrapped = wrapped + 1
    else
      redis.call('ZREM', P .. ':wrapups', aid)
    end
  end
  return { expired = expired, wrapped = wrapped }
end)
