-- callback: a waiting caller asks to be called back. The call keeps its place (rank) and becomes an
-- outbound task (kind "callback") that is offered like any call when its turn comes.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] callId, ARGV[5] number
return run(function()
  local cid = ARGV[4]
  local c = load_call(cid)
  check_call(c, cid, 'callback')
  hset(key('call', cid), { kind = 'callback', callbackNumber = ARGV[5] })
  emit('call.callback-requested', call_fields(cid, c, { 'callbackNumber', ARGV[5],
    'waitMs', n(NOW - tonumber(c.arrivedAt)) }))
  return hgetall(key('call', cid))
end)
