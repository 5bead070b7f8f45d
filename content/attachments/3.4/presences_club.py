# Présences au club d'astronomie : une liste de prénoms par séance.
seances = [
    ["Inès", "Tom", "Léo"],
    ["Inès", "Léo"],
    ["Tom", "Inès", "Maya", "Léo"],
    ["Maya"],
    ["Inès", "Tom"],
]

presences = {}
for seance in seances:
    for prenom in seance:
        if prenom in presences:
            presences[prenom] = presences[prenom] + 1
        else:
            presences[prenom] = 1

assidus = 0
for prenom in presences:
    if presences[prenom] >= 3:
        assidus = assidus + 1

print(presences["Léo"])
print(len(presences))
print(assidus)
