"""Curated starter set for ``physiohub demo``.

``DEMO_SET`` lists PubMed IDs of influential musculoskeletal (MSK) physiotherapy studies --
Cochrane and other systematic reviews, landmark randomised trials, guidelines and prognosis
cohorts -- each paired with a topic tag. ``physiohub demo`` fetches these records from PubMed,
so a fresh hub has something realistic to appraise, search and browse. The tags only group the
list for humans and tests; they are not used as appraisal input.

How it was curated (2026-11-22): candidate papers were chosen across the demo's topic areas (low
back pain, knee/hip osteoarthritis, tendinopathy, painful vs pain-free exercise, pain education,
neck, shoulder, surgery vs rehabilitation, imaging, psychological factors, passive treatments,
medication, injections, widespread pain, lifestyle, work, digital care, prognosis, guidelines,
ankle/foot, hip and other topics). Every PMID below was verified by looking it up and checking it
against a PubMed/MEDLINE record page for that exact paper: pubmed.ncbi.nlm.nih.gov (or a mirror
or proxy showing the same record), or the PMC article page whose header shows the PMID. A PMID seen only
on a secondary site (journal clubs, publisher XML, repository exports) was left out, as were
landmark papers whose PMID could not be confirmed that way -- nothing here is from memory.

The aim was about 150 studies; 123 could be verified within the search budget, so some
topics are thinner than others and some well-known papers are missing. Comments give first
author (where confirmed), year and a short description in our own words.
"""
from __future__ import annotations

DEMO_SET: tuple[tuple[str, str], ...] = (
    # --- low back ---
    ("26133923", "low back"),  # Yamato 2015 Cochrane Pilates for low back pain
    ("30867144", "low back"),  # Rubinstein 2019 BMJ spinal manipulation chronic LBP meta-analysis
    ("28076926", "low back"),  # Wieland 2017 Cochrane yoga chronic LBP
    ("36398843", "low back"),  # Wieland 2022 Cochrane yoga chronic LBP update
    # --- knee/hip OA ---
    ("19588445", "knee/hip OA"),  # Fransen 2009 Cochrane exercise hip OA (first version)
    ("18759315", "knee/hip OA"),  # Hernandez-Molina 2008 meta-analysis exercise hip OA
    ("17907147", "knee/hip OA"),  # Hurley 2007 ESCAPE-knee pain cluster RCT exercise + self-management
    ("21954131", "knee/hip OA"),  # Hurley 2012 ESCAPE-knee pain 30-month outcomes and costs
    ("36474815", "knee/hip OA"),  # Barton 2021 OA Cartilage Open GLA:D Australia implementation evaluation
    ("25313133", "knee/hip OA"),  # Uthman 2013 exercise for lower-limb OA network meta-analysis (BJSM reprint)
    # --- tendinopathy ---
    ("17035479", "tendinopathy"),  # Kingma 2007 BJSM SR eccentric training Achilles tendinopathy
    ("17261559", "tendinopathy"),  # Visnes & Bahr 2007 BJSM review eccentric training patellar tendinopathy
    ("25979840", "tendinopathy"),  # Rio 2015 BJSM isometric exercise analgesia patellar tendinopathy
    ("29720374", "tendinopathy"),  # Mellor 2018 BMJ LEAP: gluteal tendinopathy education+exercise vs injection
    ("17289855", "tendinopathy"),  # Frohm 2007 BJSM pilot RCT, two eccentric protocols, patellar tendinopathy
    # --- painful exercise ---
    ("28596288", "painful exercise"),  # Smith 2017 BJSM meta-analysis painful vs pain-free exercise
    ("17307888", "painful exercise"),  # Silbernagel 2007 AJSM pain-monitoring model Achilles trial
    ("23141188", "painful exercise"),  # Naugle 2012 J Pain meta-analysis of exercise-induced hypoalgesia
    ("30904519", "painful exercise"),  # Rice 2019 J Pain exercise-induced hypoalgesia state-of-the-art review
    ("33062901", "painful exercise"),  # Vaegter 2020 Pain Rep review of exercise-induced hypoalgesia
    ("22786458", "painful exercise"),  # Nijs 2012 Pain Physician impaired exercise analgesia in chronic pain
    # --- pain education ---
    ("22133255", "pain education"),  # Louw 2011 SR neuroscience education chronic MSK pain
    ("30398542", "pain education"),  # Traeger 2019 JAMA Neurol intensive vs placebo education acute LBP
    ("24218376", "pain education"),  # Darlow 2013 Ann Fam Med lasting impact of clinician messages in LBP
    ("18254037", "pain education"),  # Engers 2008 Cochrane individual patient education for LBP
    # --- neck ---
    ("12586557", "neck"),  # Sarig-Bahat 2003 SR exercise for mechanical neck disorders
    ("22213489", "neck"),  # Bronfort 2012 Ann Intern Med manipulation vs drugs vs home exercise, neck
    ("25629215", "neck"),  # Gross 2015 Cochrane exercise for mechanical neck disorders
    ("27317503", "neck"),  # Gross 2016 Man Ther Cochrane neck exercise update summary
    ("19411766", "neck"),  # Walton 2009 JOSPT whiplash risk factors meta-analysis
    ("31443149", "neck"),  # Sterling 2019 J Clin Med best-evidence rehabilitation for chronic neck pain
    # --- shoulder ---
    ("29169668", "shoulder"),  # Beard 2018 CSAW placebo-surgery trial
    ("27283590", "shoulder"),  # Page 2016 Cochrane manual therapy + exercise rotator cuff
    ("25808530", "shoulder"),  # Desjardins-Charbonneau 2015 JOSPT manual therapy RC tendinopathy SR
    ("18254085", "shoulder"),  # Coghlan 2008 Cochrane surgery for rotator cuff disease
    ("30026230", "shoulder"),  # Paavola 2018 BMJ FIMPACT placebo-surgery trial
    ("36016536", "shoulder"),  # de Sire 2022 J Pain Res umbrella review, non-surgical care frozen shoulder
    # --- surgery vs rehab ---
    ("27039329", "surgery vs rehab"),  # Monk 2016 Cochrane ACL surgery vs conservative
    ("30707445", "surgery vs rehab"),  # Karjalainen 2019 Cochrane subacromial decompression
    ("26488691", "surgery vs rehab"),  # Skou 2015 NEJM knee replacement vs nonsurgical care trial
    ("23506518", "surgery vs rehab"),  # Katz 2013 NEJM MeTeOR meniscal tear + OA surgery vs PT
    ("23349407", "surgery vs rehab"),  # Frobell 2013 BMJ KANON ACL trial five-year outcome
    ("27852905", "surgery vs rehab"),  # Katz 2016 JBJS MeTeOR secondary analysis of crossover to surgery
    # --- imaging ---
    ("18784100", "imaging"),  # Englund 2008 NEJM incidental meniscal tears on knee MRI
    ("19200918", "imaging"),  # Chou 2009 Lancet routine lumbar imaging meta-analysis
    ("25733741", "imaging"),  # Jenkins 2015 CMAJ interventions to reduce LBP imaging
    ("26359154", "imaging"),  # Brinjikji 2015 AJNR MRI degeneration symptomatic vs asymptomatic meta-analysis
    # --- psychology ---
    ("37146623", "psychology"),  # Kent 2023 Lancet RESTORE cognitive functional therapy trial
    ("23208945", "psychology"),  # Vibe Fersum 2013 Eur J Pain CFT vs manual therapy + exercise
    ("34586357", "psychology"),  # Ashar 2022 JAMA Psychiatry pain reprocessing therapy trial
    ("19402782", "psychology"),  # Quartana 2009 Expert Rev Neurother pain catastrophizing critical review
    ("26006174", "psychology"),  # Monticone 2015 Cochrane CBT for neck pain (has expression of concern)
    # --- passive ---
    ("26329399", "passive"),  # Furlan 2015 Cochrane massage for low back pain
    ("24627326", "passive"),  # Ebadi 2014 Cochrane therapeutic ultrasound chronic LBP
    ("20091539", "passive"),  # Rutjes 2010 Cochrane therapeutic ultrasound knee/hip OA
    ("38415786", "passive"),  # Gross 2024 Cochrane massage for neck pain
    ("27042787", "passive"),  # Jauregui 2016 Surg Technol Int TENS CLBP meta-analysis
    ("24043951", "passive"),  # Kumar 2013 overview of systematic reviews on massage for low back pain
    ("34040429", "passive"),  # Haile 2021 J Pain Res ultrasound CLBP SR
    ("35744066", "passive"),  # Johnson 2022 Medicina characteristics of 381 TENS trials (meta-TENS)
    # --- medication ---
    ("29509867", "medication"),  # Krebs 2018 SPACE trial, opioids vs non-opioids
    ("25064594", "medication"),  # Williams 2014 PACE paracetamol trial
    ("18253976", "medication"),  # Roelofs 2008 Cochrane NSAIDs for low back pain
    ("25828856", "medication"),  # Machado 2015 BMJ paracetamol spinal pain and OA meta-analysis
    ("27213267", "medication"),  # Abdel Shaheed 2016 JAMA IM opioids for LBP meta-analysis
    ("23983011", "medication"),  # Chaparro 2013 Cochrane opioids for chronic LBP
    ("28699595", "medication"),  # da Costa 2017 Lancet NSAIDs for knee/hip OA network meta-analysis
    # --- injections ---
    ("24171937", "injections"),  # Olaussen 2013 BMJ Open SR steroid injection vs physio, lateral elbow
    ("28510679", "injections"),  # McAlindon 2017 JAMA triamcinolone vs saline knee OA
    ("24988555", "injections"),  # Friedly 2014 NEJM epidural steroid for spinal stenosis trial
    ("12535501", "injections"),  # Buchbinder 2003 Cochrane corticosteroid injections for shoulder pain
    ("15808040", "injections"),  # Arroll 2005 BJGP corticosteroid injection painful shoulder meta-analysis
    ("19794221", "injections"),  # Hepper 2009 JAAOS IA corticosteroid knee OA SR
    ("15000335", "injections"),  # Arroll 2004 Can Fam Physician IA steroid knee SR
    ("40200209", "injections"),  # Ye 2025 BMC MSK PRP vs corticosteroid for tendinopathy meta-analysis
    # --- widespread pain ---
    ("28636204", "widespread pain"),  # Bidonde 2017 Cochrane aerobic exercise fibromyalgia
    ("27377815", "widespread pain"),  # Macfarlane 2017 EULAR revised fibromyalgia recommendations
    ("24362925", "widespread pain"),  # Busch 2013 Cochrane resistance training for fibromyalgia
    ("17943797", "widespread pain"),  # Busch 2007 Cochrane exercise for fibromyalgia syndrome
    ("20340025", "widespread pain"),  # 2010 Rheumatol Int practical review, aerobic exercise in fibromyalgia
    # --- lifestyle ---
    ("24065013", "lifestyle"),  # Messier 2013 JAMA IDEA diet + exercise knee OA
    ("25692781", "lifestyle"),  # White 2015 Look AHEAD lifestyle intervention and incident knee pain
    ("1543306", "lifestyle"),  # Felson 1992 Framingham weight loss and symptomatic knee OA risk
    ("36511925", "lifestyle"),  # Messier 2022 JAMA community diet + exercise knee OA trial
    # --- work ---
    ("23990391", "work"),  # Schaafsma 2013 Cochrane physical conditioning for return to work
    ("14520051", "work"),  # Schonstein 2003 Spine physical conditioning programs for workers
    ("28224415", "work"),  # Cullen 2018 J Occup Rehabil workplace return-to-work interventions review
    ("22476607", "work"),  # Hoefsmit 2012 J Occup Rehabil return-to-work intervention characteristics SR
    ("38849612", "work"),  # de Geus 2025 J Occup Rehabil return-to-work after long-term sick leave SR
    # --- digital ---
    ("32985994", "digital"),  # Bennell 2020 JMIR SMS support for home exercise adherence knee OA
    ("33843948", "digital"),  # Nelligan 2021 JAMA IM web-based exercise + SMS knee OA trial
    ("37420107", "digital"),  # Cui 2023 NPJ Digit Med digital programme vs in-person physio, chronic LBP
    ("28412562", "digital"),  # Dario 2017 Spine J telehealth for LBP meta-analysis
    ("34786870", "digital"),  # Tabacof 2022 PM R mobile-health review for LBP
    # --- prognosis ---
    ("12907487", "prognosis"),  # Pengel 2003 BMJ prognosis of acute LBP systematic review
    ("22586331", "prognosis"),  # Menezes Costa 2012 CMAJ acute vs persistent LBP course meta-analysis
    ("21963002", "prognosis"),  # Hill 2011 Lancet STarT Back stratified care trial
    ("18614473", "prognosis"),  # Henschke 2008 BMJ acute LBP inception cohort prognosis
    ("24315142", "prognosis"),  # Kongsted 2013 Best Pract Res Clin Rheumatol trajectories of LBP
    # --- guideline ---
    ("29573870", "guideline"),  # Hartvigsen 2018 Lancet LBP series paper 1 (what LBP is)
    ("33090740", "guideline"),  # Buchbinder 2020 Pain update on Lancet LBP series call to action
    ("30826805", "guideline"),  # Lin 2020 BJSM eleven consistent guideline recommendations for MSK pain
    ("31908149", "guideline"),  # Kolasinski 2020 ACR/Arthritis Foundation OA guideline
    ("28490431", "guideline"),  # Siemieniuk 2017 BMJ rapid recommendation against knee arthroscopy
    ("29573872", "guideline"),  # Foster 2018 Lancet LBP series paper 2 (prevention and treatment)
    ("28640822", "guideline"),  # Babatunde 2017 PLoS One overview of MSK pain treatments in primary care
    # --- ankle/foot ---
    ("27852621", "ankle/foot"),  # Brison 2016 BMJ supervised physiotherapy after ankle sprain trial
    ("20457737", "ankle/foot"),  # Bleakley 2010 BMJ accelerated exercise rehab after ankle sprain
    ("25145882", "ankle/foot"),  # Rathleff 2015 high-load strength training plantar fasciitis trial
    ("29514819", "ankle/foot"),  # Vuurberg 2018 BJSM ankle sprain clinical guideline update
    ("15310562", "ankle/foot"),  # Verhagen 2004 AJSM balance-board training to prevent ankle sprains
    ("28935689", "ankle/foot"),  # Whittaker 2018 BJSM foot orthoses for plantar heel pain meta-analysis
    ("29555795", "ankle/foot"),  # Rasenberg 2018 BJSM orthoses for plantar heel pain meta-analysis
    ("17279044", "ankle/foot"),  # 2007 Clin Orthop Relat Res SR: immobilisation vs functional care, ankle sprain
    ("36281183", "ankle/foot"),  # Ruiz-Sanchez 2022 Medicine ankle sprain CPG review
    # --- hip ---
    ("29893223", "hip"),  # Griffin 2018 Lancet UK FASHIoN hip arthroscopy vs physio-led care
    ("25969366", "hip"),  # Grimaldi 2015 Sports Med gluteal tendinopathy mechanisms and management review
    ("30398893", "hip"),  # 2018 AJSM prospective cohort of nonoperative management of FAI syndrome
    # --- other ---
    ("28436583", "other"),  # Geneen 2017 Cochrane overview physical activity chronic pain
    ("25851584", "other"),  # Kluitenberg 2015 Sports Med running injury proportions meta-analysis
    ("27247098", "other"),  # Crossley 2016 BJSM patellofemoral pain consensus part 2 interventions
    ("27343241", "other"),  # Crossley 2016 BJSM patellofemoral pain consensus part 1
    ("25951917", "other"),  # Videbaek 2015 Sports Med running-injury incidence per 1000 h meta-analysis
)
