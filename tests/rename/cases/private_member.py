# rename: __secret#1 __hidden
class Vault:
    def __init__(self):
        self.__secret = 42

    def peek(self):
        return self.__secret


print(Vault().peek())
