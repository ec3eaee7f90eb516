NEEDS = ("meetings",)
PRODUCES = ("attendance",)
def extract(ctx): pass
