print("serumcheck")
