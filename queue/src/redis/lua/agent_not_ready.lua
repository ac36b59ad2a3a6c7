-- agent_not_ready (示忙): ready / not-ready / wrap-up → not-ready with a reason.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] agentId, ARGV[5] reason
return run(function()
  local aid = ARGV[4]
  local a = load_agent(aid)
  check_agent(a, aid, 'not-ready')
  if not (a.state == 'not-ready' and a.reason == ARGV[5]) then
    set_agent(aid, a, 'not-ready', ARGV[5], tonumber(a.missed) or 0)
  end
  return a
end)
