import PromText

print("tocsin-bench: no benchmarks yet")
