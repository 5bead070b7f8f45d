# Prix des repas à la cantine du lycée, selon le quotient familial.


def prix_repas(quotient):
    """Renvoie le prix d'un repas (en euros) selon le quotient familial."""
    if quotient < 500:
        prix = 1.0
    elif quotient < 900:
        prix = 2.5
    elif quotient < 1400:
        prix = 3.8
    else:
        prix = 4.6
    return prix


def prix_semaine(quotient, jours, interne):
    """Prix des repas de la semaine. Les internes ont une réduction de 20 %."""
    total = prix_repas(quotient) * jours
    if interne:
        total = total * 0.8
    return round(total, 2)


print(prix_repas(900))
print(prix_semaine(450, 4, False))
print(prix_semaine(1500, 5, True))
