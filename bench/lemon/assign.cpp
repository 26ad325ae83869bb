// Baseline for the assign benchmarks: LEMON's NetworkSimplex on the same min-cost flow.
// Compiled by bench/cases/lemon.ts with g++ (Debian: apt-get install -y g++ liblemon-dev).
//
// Input (binary, little-endian, written by lemon.ts from the engine's integer network):
//   int64 n, m, E, nLoad
//   int32 capacity[m], int32 loadStart[m] (-1: all zero), double loadCost[nLoad]
//   int32 start[n + 1], int32 tutor[E], double cost[E]          (costs are integers)
// Arguments: FILE [REPEAT]. Output, one JSON line: the optimum and the median time of REPEAT
// runs of (graph build + solve), wall and CPU, measured here so that reading the file is not counted.
//
// Model: supply 1 at each tutee, demand n at the sink; tutee -> tutor per allowed pair (capacity
// 1, its cost); tutor -> sink one unit arc per unit of capacity (its load cost; convex, so the
// cheapest fill first); tutee -> sink a "drop" arc costing M, more than any assignment can cost,
// so the optimum assigns as many tutees as possible, then costs least.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace lemon;
typedef long long Int;

template <typename T>
static void readAll(FILE* f, std::vector<T>& v, size_t count) {
  v.resize(count);
  if (count > 0 && fread(v.data(), sizeof(T), count, f) != count) {
    fprintf(stderr, "short read\n");
    exit(2);
  }
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: assign FILE [REPEAT]\n");
    return 2;
  }
  int repeat = argc > 2 ? atoi(argv[2]) : 1;
  FILE* f = fopen(argv[1], "rb");
  if (!f) return 2;
  std::vector<int64_t> head;
  readAll(f, head, 4);
  const Int n = head[0], m = head[1], E = head[2], nLoad = head[3];
  std::vector<int32_t> capacity, loadStart, start, tutor;
  std::vector<double> loadCost, cost;
  readAll(f, capacity, m);
  readAll(f, loadStart, m);
  readAll(f, loadCost, nLoad);
  readAll(f, start, n + 1);
  readAll(f, tutor, E);
  readAll(f, cost, E);
  fclose(f);

  Int bound = 1;
  for (Int e = 0; e < E; e++) bound += (Int)std::abs(cost[e]);
  for (Int k = 0; k < nLoad; k++) bound += (Int)std::abs(loadCost[k]);
  const Int M = 2 * bound + 1;  // dropping a tutee costs more than any change of assignment

  std::vector<double> times, cpuTimes;
  Int assigned = 0, total = 0;
  for (int r = 0; r < repeat; r++) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    SmartDigraph g;
    Int units = 0;
    for (Int j = 0; j < m; j++) units += capacity[j];
    g.reserveNode(n + m + 1);
    g.reserveArc(E + n + units);
    std::vector<SmartDigraph::Node> tutee(n), tutorNode(m);
    for (Int i = 0; i < n; i++) tutee[i] = g.addNode();
    for (Int j = 0; j < m; j++) tutorNode[j] = g.addNode();
    SmartDigraph::Node sink = g.addNode();
    SmartDigraph::ArcMap<Int> arcCost(g), arcCap(g);
    SmartDigraph::NodeMap<Int> supply(g, 0);
    std::vector<SmartDigraph::Arc> pairArc(E);
    for (Int i = 0; i < n; i++) {
      supply[tutee[i]] = 1;
      for (Int e = start[i]; e < start[i + 1]; e++) {
        SmartDigraph::Arc a = g.addArc(tutee[i], tutorNode[tutor[e]]);
        arcCost[a] = (Int)cost[e];
        arcCap[a] = 1;
        pairArc[e] = a;
      }
      SmartDigraph::Arc drop = g.addArc(tutee[i], sink);
      arcCost[drop] = M;
      arcCap[drop] = 1;
    }
    for (Int j = 0; j < m; j++) {
      for (Int k = 0; k < capacity[j]; k++) {
        SmartDigraph::Arc a = g.addArc(tutorNode[j], sink);
        arcCost[a] = loadStart[j] < 0 ? 0 : (Int)loadCost[loadStart[j] + k];
        arcCap[a] = 1;
      }
    }
    supply[sink] = -n;
    NetworkSimplex<SmartDigraph, Int, Int> ns(g);
    ns.costMap(arcCost).upperMap(arcCap).supplyMap(supply);
    NetworkSimplex<SmartDigraph, Int, Int>::ProblemType status = ns.run();
    auto t1 = std::chrono::steady_clock::now();
    std::clock_t c1 = std::clock();
    if (status != NetworkSimplex<SmartDigraph, Int, Int>::OPTIMAL) {
      fprintf(stderr, "NetworkSimplex: not optimal (%d)\n", (int)status);
      return 1;
    }
    times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    cpuTimes.push_back(1000.0 * (double)(c1 - c0) / CLOCKS_PER_SEC);
    assigned = 0;
    for (Int e = 0; e < E; e++) assigned += ns.flow(pairArc[e]);
    total = ns.totalCost() - (n - assigned) * M;
  }
  std::sort(times.begin(), times.end());
  std::sort(cpuTimes.begin(), cpuTimes.end());
  printf("{\"assigned\":%lld,\"cost\":%lld,\"ms\":%.3f,\"cpuMs\":%.3f,\"runs\":%d}\n", assigned, total,
         times[times.size() / 2], cpuTimes[cpuTimes.size() / 2], repeat);
  return 0;
}
