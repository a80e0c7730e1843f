import RuleEval

print(RuleEvalVersion.banner)
