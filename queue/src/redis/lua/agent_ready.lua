-- agent_ready (示闲): not-ready / wrap-up → ready (ready → ready is a no-op), then the agent is
-- offered the best waiting call they can take.
-- KEYS[1] events; ARGV[1] prefix, ARGV[2] now, ARGV[3] request id, ARGV[4] agentId
return run(function()
  local aid = ARGV[4]
  local a = load_agent(aid)
  check_agent(a, aid, 'ready')
  if a.state ~= 'ready' then
    set_agent(aid, a, 'ready', '', 0)
    match_agent(aid, a, nil)
  end
  return a
end)
