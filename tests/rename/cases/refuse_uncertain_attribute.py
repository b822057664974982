# rename: start#1 begin
# refuse: cannot tell whether `engine.start` is this member
class Engine:
    def start(self):
        return True


def go(engine):
    return engine.start()
