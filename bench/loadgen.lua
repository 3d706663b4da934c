-- wrk script for bench/run.py: rotate through a file of request paths, print JSON at the end.
--
--   wrk -t1 -c8 -d10s --timeout 30s -s bench/loadgen.lua http://127.0.0.1:8061 -- PATHS MODE
--
-- PATHS: a file with one path (and query string) per line.
-- MODE "cycle": go round the list for the whole duration (warm pass).
-- MODE "once":  every path at most once; the thread stops when all answers are in (cold pass).
--               With c connections up to c-1 requests past the end of the list may already be
--               on the wire; they wrap to the start and are counted in "extra".
paths = {}
idx = 0
mode = "cycle"
sent = 0
responses = 0
non200 = 0
npaths = 0
local headers = {["Accept-Encoding"] = "gzip", ["Accept"] = "text/html,application/json"}
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local f = assert(io.open(args[1], "r"))
   for line in f:lines() do
      if #line > 0 then paths[#paths + 1] = line end
   end
   f:close()
   mode = args[2] or "cycle"
   npaths = #paths
end

function request()
   idx = idx + 1
   if idx > #paths then idx = 1 end
   sent = sent + 1
   return wrk.format("GET", paths[idx], headers)
end

function response(status, hdrs, body)
   responses = responses + 1
   if status ~= 200 then non200 = non200 + 1 end
   if mode == "once" and responses >= #paths then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local sent_total, resp_total, bad, listlen = 0, 0, 0, 0
   for _, t in ipairs(threads) do
      sent_total = sent_total + t:get("sent")
      resp_total = resp_total + t:get("responses")
      bad = bad + t:get("non200")
      listlen = t:get("npaths")
   end
   local e = summary.errors
   local out = string.format(
      '{"requests": %d, "duration_s": %.4f, "bytes": %d, "paths": %d, "sent": %d, ' ..
      '"responses": %d, "non200": %d, "extra": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"latency_ms": {"p50": %.3f, "p90": %.3f, "p95": %.3f, "p99": %.3f, "mean": %.3f, ' ..
      '"max": %.3f, "min": %.3f}}',
      summary.requests, summary.duration / 1e6, summary.bytes, listlen, sent_total,
      resp_total, bad, math.max(0, resp_total - listlen) * (mode == "once" and 1 or 0),
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.mean / 1000, latency.max / 1000, latency.min / 1000)
   io.write("BENCHJSON " .. out .. "\n")
end
