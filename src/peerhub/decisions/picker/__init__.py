"""The outcome picker's reasoning: the reader's choices, what each does to a design,
meeting agendas and the ranked designs.
"""
