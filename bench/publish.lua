-- wrk script for bench/publish: readers with Zipf-like popularity over a fixed list of article URLs,
-- plus the home page and section pages.
--
--   wrk ... -s bench/publish.lua http://127.0.0.1:PORT -- ARTICLES FRONTS [SEED] [S] [FRONT_SHARE]
--
-- ARTICLES: one path a line, most popular first (rank 1 gets weight 1, rank k gets 1/k^S).
-- FRONTS:   one path a line, the home page first and then the section pages. FRONT_SHARE of the
--           requests (default 0.10) go to them: half to the home page, half spread evenly over the sections.
-- SEED:     random seed (default 1), so every run sends the same sequence of requests.
-- All requests are built once in init(); request() only draws a number and searches the table.

local article_reqs, cdf, n = {}, {}, 0
local home_req, section_reqs = nil, {}
local front_share = 0.10

local function read_lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "publish.lua: cannot open " .. tostring(path))
  for line in f:lines() do
    line = line:gsub("%s+$", "")
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  return out
end

function init(args)
  local articles = read_lines(args[1])
  local fronts = read_lines(args[2])
  local seed = tonumber(args[3] or "1") or 1
  local s = tonumber(args[4] or "1.0") or 1.0
  front_share = tonumber(args[5] or "0.10") or 0.10
  assert(#articles > 0, "publish.lua: no article paths")
  assert(#fronts > 0, "publish.lua: no home/section paths")

  -- Cumulative weights: cdf[k] = (1/1^s + ... + 1/k^s) / total.
  local total = 0
  for i, path in ipairs(articles) do
    total = total + 1 / (i ^ s)
    cdf[i] = total
    article_reqs[i] = wrk.format("GET", path)
  end
  n = #articles
  for i = 1, n do cdf[i] = cdf[i] / total end
  cdf[n] = 1.0

  home_req = wrk.format("GET", fronts[1])
  for i = 2, #fronts do section_reqs[#section_reqs + 1] = wrk.format("GET", fronts[i]) end
  if #section_reqs == 0 then section_reqs[1] = home_req end

  math.randomseed(seed)
end

function request()
  local u = math.random()
  if u < front_share then
    if u < front_share / 2 then return home_req end
    return section_reqs[math.random(#section_reqs)]
  end
  -- The smallest rank whose cumulative weight reaches r (binary search).
  local r = math.random()
  local lo, hi = 1, n
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < r then lo = mid + 1 else hi = mid end
  end
  return article_reqs[lo]
end
