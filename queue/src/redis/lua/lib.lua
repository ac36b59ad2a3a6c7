-- Shared helpers, prepended (after the generated prelude) to every ACD script.
-- Calling convention of every script:
--   KEYS[1] = <prefix>:events (the event stream)
--   ARGV[1] = prefix, ARGV[2] = now (ms), ARGV[3] = request id (idempotency token),
--   ARGV[4..] = script arguments (see each script's header).
-- The generated prelude (redis/prelude.ts) defines CFG, agent_can, call_can and count_rules.
-- Every other key is derived from the prefix; all keys share it (one hash slot with a {tag} prefix).
-- Scripts validate everything before their first write and then cannot fail, so a rejected
-- command changes nothing. The reply is JSON: {"ok":…,"offers":[…]} or {"err":CODE,"d":{…}}.

local P = ARGV[1]
local NOW = tonumber(ARGV[2])
local NOW_S = ARGV[2]
local RID = ARGV[3]
local EV = KEYS[1]
local OFFERS = {}
local TOUCHED = {}

local function n(x) return string.format('%.0f', x) end
local function key(kind, id) return P .. ':' .. kind .. ':' .. id end

local function fail(code, d) error({ acd = code, d = d or {} }) end

local function hgetall(k)
  local r = redis.call('HGETALL', k)
  if #r == 0 then return nil end
  local t = {}
  for i = 1, #r, 2 do t[r[i]] = r[i + 1] end
  return t
end

-- HMGET of a fixed field list into a table (nil when the first field is missing): cheaper than
-- HGETALL, which converts every field name too.
local AGENT_FIELDS = { 'state', 'name', 'reason', 'skills', 'queues', 'offerTimeoutMs', 'missed', 'since',
  'idleSince', 'callId', 'callQueue', 'callArrivedAt', 'offerId', 'wrapUpEndsAt' }
local CALL_FIELDS = { 'state', 'queue', 'priority', 'kind', 'skills', 'group', 'callerNumber', 'callbackNumber',
  'arrivedAt', 'rank', 'agentId', 'offerId', 'offerExpiresAt', 'answeredAt', 'talkMs', 'holdMs', 'connectedAt',
  'holdSince', 'answers' }

local function hmget(k, fields)
  local r = redis.call('HMGET', k, unpack(fields))
  if not r[1] then return nil end
  local t = {}
  for i = 1, #fields do t[fields[i]] = r[i] or '' end
  return t
end

local function hset(k, t)
  local args = {}
  for f, v in pairs(t) do
    args[#args + 1] = f
    args[#args + 1] = v
  end
  if #args > 0 then redis.call('HSET', k, unpack(args)) end
end

local function decode_skills(s)
  local t = {}
  for name, lvl in string.gmatch(s or '', '([^,=]+)=(%d+)') do t[name] = tonumber(lvl) end
  return t
end

-- returns (qualifies, score): every required skill at level >= min; score = sum of those levels
-- (`have` is the agent's decoded skills table)
local function skill_fit(have, req)
  local score = 0
  for name, min in pairs(req) do
    local lvl = have[name]
    if not lvl or lvl < min then return false, 0 end
    score = score + lvl
  end
  return true, score
end

local function serves_queue(queues, q)
  if queues == nil or queues == '' then return true end
  for name in string.gmatch(queues, '[^,]+') do
    if name == q then return true end
  end
  return false
end

---------------------------------------------------------------- metrics (rules from the prelude)
local function incr(bucket, field, amount)
  if amount == 0 then return end
  local k = P .. ':m:' .. n(bucket)
  -- a field's first increment (new bucket or new counter) (re)arms the bucket's expiry
  if redis.call('HINCRBY', k, field, n(amount)) == amount and not TOUCHED[k] then
    TOUCHED[k] = true
    redis.call('PEXPIRE', k, CFG.retentionMs)
  end
end

local function bucket_of(ts) return math.floor(ts / CFG.bucketMs) * CFG.bucketMs end

local function inc_queue_counter(f, counter, amount)
  incr(bucket_of(tonumber(f.arrivedAt)), f.queue .. '|' .. counter, amount)
end

local function count(etype, f)
  count_rules(etype, f, inc_queue_counter)
  if etype == 'agent.state' and f.prevState ~= 'offline' then
    local t = tonumber(f.since)
    local stop = tonumber(f.ts)
    while t < stop do
      local b = bucket_of(t)
      local e = math.min(stop, b + CFG.bucketMs)
      incr(b, '*|agent:' .. f.prevState, e - t)
      t = e
    end
  end
end

-- pairs: flat list {field, value, field, value, …} (order kept in the stream entry)
local function emit(etype, pairs_)
  local args = { 'XADD', EV, 'MAXLEN', '~', CFG.eventsMaxLen, '*', 'type', etype, 'ts', NOW_S }
  local f = { type = etype, ts = NOW_S }
  for i = 1, #pairs_, 2 do
    local v = pairs_[i + 1]
    if v ~= nil and v ~= '' then
      args[#args + 1] = pairs_[i]
      args[#args + 1] = v
      f[pairs_[i]] = v
    end
  end
  redis.call(unpack(args))
  count(etype, f)
end

local function call_fields(cid, c, extra)
  local t = { 'callId', cid, 'queue', c.queue, 'priority', c.priority, 'kind', c.kind,
    'callerNumber', c.callerNumber, 'arrivedAt', c.arrivedAt }
  for i = 1, #extra do t[#t + 1] = extra[i] end
  return t
end

---------------------------------------------------------------- agents
local STAFFED = { ready = true, reserved = true, ['on-call'] = true, ['wrap-up'] = true }

local function load_agent(aid)
  local a = hmget(key('agent', aid), AGENT_FIELDS)
  if not a then fail('UNKNOWN_AGENT', { agentId = aid }) end
  return a
end

local function check_agent(a, aid, action)
  if not agent_can(action, a.state) then
    fail('ILLEGAL_AGENT_TRANSITION', { agentId = aid, state = a.state, action = action })
  end
end

-- Moves an agent (already checked) to `state`; writes the hash, the indexes and the event.
local function set_agent(aid, a, state, reason, missed)
  local prev = a.state
  local since = tonumber(a.since) or NOW
  local f = { 'agentId', aid, 'state', state, 'prevState', prev, 'since', n(since),
    'durationMs', n(NOW - since), 'reason', reason or '', 'missed', tostring(missed) }
  if a.callId and a.callId ~= '' then
    f[#f + 1] = 'callId'; f[#f + 1] = a.callId
    f[#f + 1] = 'queue'; f[#f + 1] = a.callQueue
    f[#f + 1] = 'arrivedAt'; f[#f + 1] = a.callArrivedAt
  end
  a.state = state
  a.reason = reason or ''
  a.missed = tostring(missed)
  a.since = NOW_S
  local ak = key('agent', aid)
  if state == 'ready' then
    a.idleSince = NOW_S
    redis.call('ZADD', P .. ':ready', NOW, aid)
  else
    a.idleSince = ''
    if prev == 'ready' then redis.call('ZREM', P .. ':ready', aid) end
  end
  if STAFFED[state] and not STAFFED[prev] then
    redis.call('SADD', P .. ':staffed', aid)
  elseif STAFFED[prev] and not STAFFED[state] then
    redis.call('SREM', P .. ':staffed', aid)
  end
  if state == 'wrap-up' then
    a.wrapUpEndsAt = n(NOW + CFG.wrapUpMs)
    redis.call('ZADD', P .. ':wrapups', NOW + CFG.wrapUpMs, aid)
  elseif prev == 'wrap-up' then
    a.wrapUpEndsAt = ''
    redis.call('ZREM', P .. ':wrapups', aid)
  end
  if state == 'ready' or state == 'not-ready' or state == 'offline' then
    a.callId = ''; a.callQueue = ''; a.callArrivedAt = ''; a.offerId = ''
  end
  redis.call('HSET', ak, 'state', a.state, 'reason', a.reason, 'missed', a.missed, 'since', a.since,
    'idleSince', a.idleSince, 'wrapUpEndsAt', a.wrapUpEndsAt or '', 'callId', a.callId or '',
    'callQueue', a.callQueue or '', 'callArrivedAt', a.callArrivedAt or '', 'offerId', a.offerId or '')
  emit('agent.state', f)
end

---------------------------------------------------------------- calls and queues
local function load_call(cid)
  local c = hmget(key('call', cid), CALL_FIELDS)
  if not c then fail('UNKNOWN_CALL', { callId = cid }) end
  return c
end

local function check_call(c, cid, action)
  if not call_can(action, c.state) then
    fail('ILLEGAL_CALL_TRANSITION', { callId = cid, state = c.state, action = action })
  end
  if c.kind == 'callback' and (action == 'abandon' or action == 'callback') then
    fail('ILLEGAL_CALL_TRANSITION', { callId = cid, state = c.state, action = action, kind = c.kind })
  end
end

-- P:heads holds, for every non-empty routing group, the rank of its head call, so an agent who
-- becomes ready reads one small sorted set instead of every group.
local function queue_insert(cid, c)
  redis.call('ZADD', key('q', c.queue), c.rank, cid)
  redis.call('ZADD', key('g', c.group), c.rank, cid)
  redis.call('ZADD', P .. ':heads', 'LT', c.rank, c.group)
end

local function queue_remove(cid, c)
  redis.call('ZREM', key('q', c.queue), cid)
  local g = key('g', c.group)
  redis.call('ZREM', g, cid)
  local head = redis.call('ZRANGE', g, 0, 0, 'WITHSCORES')
  if head[1] then
    redis.call('ZADD', P .. ':heads', head[2], c.group)
  else
    redis.call('ZREM', P .. ':heads', c.group)
  end
end

-- Puts a call back into its queue at the head (keeping its own place if that is earlier).
local function return_to_head(cid, c)
  local head = redis.call('ZRANGE', key('q', c.queue), 0, 0, 'WITHSCORES')
  local rank = tonumber(c.rank)
  if head[2] and tonumber(head[2]) - 1 < rank then rank = tonumber(head[2]) - 1 end
  c.rank = n(rank)
  c.state = 'waiting'
  c.agentId = ''; c.offerId = ''; c.offerExpiresAt = ''
  redis.call('ZREM', P .. ':offers', cid)
  redis.call('ZADD', key('arr', c.queue), c.arrivedAt, cid)
  hset(key('call', cid), { rank = c.rank, state = 'waiting', agentId = '', offerId = '', offerExpiresAt = '' })
  queue_insert(cid, c)
end

local function finish_call(cid)
  redis.call('PEXPIRE', key('call', cid), CFG.finishedCallTtlMs)
end

---------------------------------------------------------------- matching
-- `queued` = false when a new call is offered before it was ever put into its queue
local function offer(cid, c, aid, a, queued)
  local offerId = tostring(redis.call('INCR', P .. ':seq'))
  local expires = NOW + tonumber(a.offerTimeoutMs)
  if queued ~= false then queue_remove(cid, c) end
  c.state = 'offered'; c.agentId = aid; c.offerId = offerId; c.offerExpiresAt = n(expires)
  hset(key('call', cid), { state = 'offered', agentId = aid, offerId = offerId, offerExpiresAt = c.offerExpiresAt })
  redis.call('ZADD', P .. ':offers', expires, cid)
  a.callId = cid; a.callQueue = c.queue; a.callArrivedAt = c.arrivedAt; a.offerId = offerId
  set_agent(aid, a, 'reserved', '', tonumber(a.missed) or 0)
  emit('call.offered', call_fields(cid, c, { 'agentId', aid, 'offerId', offerId, 'expiresAt', c.offerExpiresAt,
    'callbackNumber', c.callbackNumber or '' }))
  OFFERS[#OFFERS + 1] = { offerId = offerId, callId = cid, agentId = aid, queue = c.queue, priority = c.priority,
    kind = c.kind, callerNumber = c.callerNumber, callbackNumber = c.callbackNumber or '', expiresAt = c.offerExpiresAt }
end

-- Longest-idle ready agent able to take the call; ties (idle within idleTieMs of the longest idle
-- capable agent, at most CFG.tieCandidates of them) → higher skill score.
local function find_agent(c, exclude)
  local req = decode_skills(c.skills)
  local best, best_idle, best_score = nil, nil, -1
  local candidates = 0
  local start = 0
  local chunk = 64
  while true do
    local ready = redis.call('ZRANGE', P .. ':ready', start, start + chunk - 1, 'WITHSCORES')
    if #ready == 0 then break end
    for i = 1, #ready, 2 do
      local aid = ready[i]
      local idle = tonumber(ready[i + 1])
      if best and idle > best_idle + CFG.idleTieMs then return best end
      if aid ~= exclude then
        local ag = redis.call('HMGET', key('agent', aid), 'skills', 'queues')
        if serves_queue(ag[2], c.queue) then
          local ok, score = skill_fit(decode_skills(ag[1]), req)
          if ok then
            candidates = candidates + 1
            if not best then
              best, best_idle, best_score = aid, idle, score
            elseif score > best_score then
              best, best_score = aid, score
            end
            if candidates >= CFG.tieCandidates then return best end
          end
        end
      end
    end
    start = start + chunk
  end
  return best
end

-- Best waiting call (lowest rank) among the heads of the routing groups the agent qualifies for.
-- P:heads is sorted by head rank, so the first eligible group wins. `exclude` (the call this agent
-- just declined or missed) is only taken when nothing else is waiting for the agent, so a ready
-- agent and a call it can take never wait side by side.
local function find_call(a, exclude)
  local heads = redis.call('ZRANGE', P .. ':heads', 0, -1, 'WITHSCORES')
  if #heads == 0 then return nil end
  local have = decode_skills(a.skills)
  local best, best_rank, fallback = nil, nil, nil
  for i = 1, #heads, 2 do
    local g = heads[i]
    if best and tonumber(heads[i + 1]) >= best_rank then break end
    local sep = string.find(g, '|', 1, true)
    if serves_queue(a.queues, string.sub(g, 1, sep - 1)) and skill_fit(have, decode_skills(string.sub(g, sep + 1))) then
      local h = redis.call('ZRANGE', key('g', g), 0, 1, 'WITHSCORES')
      if h[1] ~= exclude then
        return h[1]
      end
      fallback = fallback or h[1]
      if h[3] and (not best or tonumber(h[4]) < best_rank) then best, best_rank = h[3], tonumber(h[4]) end
    end
  end
  return best or fallback
end

local function match_call(cid, c, exclude_agent, queued)
  local aid = find_agent(c, exclude_agent)
  if aid then offer(cid, c, aid, hmget(key('agent', aid), AGENT_FIELDS), queued) end
  return aid
end

local function match_agent(aid, a, exclude_call)
  if a.state ~= 'ready' then return nil end
  local cid = find_call(a, exclude_call)
  if cid then offer(cid, hmget(key('call', cid), CALL_FIELDS), aid, a) end
  return cid
end

---------------------------------------------------------------- entry point
local function run(main)
  if RID ~= '' then
    local prev = redis.call('GET', P .. ':rid:' .. RID)
    if prev then return prev end
  end
  local ok, res = pcall(main)
  local out
  if ok then
    out = cjson.encode({ ok = res, offers = OFFERS })
  elseif type(res) == 'table' and res.acd then
    out = cjson.encode({ err = res.acd, d = res.d })
  else
    error(res)
  end
  if RID ~= '' then redis.call('SET', P .. ':rid:' .. RID, out, 'PX', 120000) end
  return out
end
